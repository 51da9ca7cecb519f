# One HTTPS entry point. Every route of the registry (infra/generated/manifest.json) becomes a
# path-template rule to its function's serverless NEG; /ws goes to the relay. Rules are ordered
# most specific first (static segments before {params}), as the local gateway's router matches.
locals {
  lb_backends = merge(
    { for name, _ in local.http_functions : name => "function" },
    { for name, _ in local.cloud_run : name => "run" },
  )
  route_rules = concat(
    [for r in local.manifest.routes : { template = r.path, method = r.method, backend = r.function }],
    [for r in local.manifest.opsRoutes : { template = r.path, method = "POST", backend = r.function }],
  )
}

resource "google_compute_region_network_endpoint_group" "neg" {
  depends_on = [google_project_service.required]

  for_each              = local.lb_backends
  name                  = "${each.key}-neg"
  region                = var.region
  network_endpoint_type = "SERVERLESS"

  dynamic "cloud_function" {
    for_each = each.value == "function" ? [1] : []
    content {
      function = google_cloudfunctions2_function.http[each.key].name
    }
  }

  dynamic "cloud_run" {
    for_each = each.value == "run" ? [1] : []
    content {
      service = google_cloud_run_v2_service.relay[each.key].name
    }
  }
}

resource "google_compute_backend_service" "backend" {
  for_each              = local.lb_backends
  name                  = "${each.key}-backend"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  protocol              = "HTTPS"
  timeout_sec           = each.value == "run" ? 3600 : 300
  backend {
    group = google_compute_region_network_endpoint_group.neg[each.key].id
  }
}

resource "google_compute_url_map" "api" {
  name            = "api"
  default_service = google_compute_backend_service.backend["system"].id

  host_rule {
    hosts        = [var.domain]
    path_matcher = "api"
  }

  path_matcher {
    name            = "api"
    default_service = google_compute_backend_service.backend["system"].id

    dynamic "route_rules" {
      for_each = local.route_rules
      content {
        priority = route_rules.key + 10
        service  = google_compute_backend_service.backend[route_rules.value.backend].id
        match_rules {
          path_template_match = route_rules.value.template
          header_matches {
            header_name = ":method"
            exact_match = route_rules.value.method
          }
        }
      }
    }

    dynamic "route_rules" {
      for_each = length(local.cloud_run) > 0 ? [1] : []
      content {
        priority = 1
        service  = google_compute_backend_service.backend["relay"].id
        match_rules {
          full_path_match = "/ws"
        }
      }
    }
  }
}

resource "google_compute_managed_ssl_certificate" "api" {
  name = "api-cert"
  managed {
    domains = [var.domain]
  }
}

resource "google_compute_target_https_proxy" "api" {
  name             = "api-proxy"
  url_map          = google_compute_url_map.api.id
  ssl_certificates = [google_compute_managed_ssl_certificate.api.id]
}

resource "google_compute_global_address" "api" {
  depends_on = [google_project_service.required]

  name = "api-address"
}

resource "google_compute_global_forwarding_rule" "api" {
  name                  = "api-https"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  target                = google_compute_target_https_proxy.api.id
  ip_address            = google_compute_global_address.api.id
  port_range            = "443"
}
