resource "google_cloud_run_v2_service" "relay" {
  depends_on = [google_project_service.required]

  for_each = local.cloud_run
  name     = each.key
  location = var.region
  ingress  = "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"

  template {
    service_account                  = google_service_account.runtime.email
    timeout                          = "3600s"
    max_instance_request_concurrency = 1000
    session_affinity                 = true
    scaling {
      min_instance_count = 1
      max_instance_count = 20
    }
    containers {
      image = var.relay_image
      resources {
        limits = { cpu = "1", memory = "1Gi" }
      }
      dynamic "env" {
        for_each = merge(local.common_env, {
          FUNCTION_TARGET = each.key
          # Forwards go through the load balancer, whose URL map has a rule per /ops/{endpoint}:
          # functions only accept traffic from it (ALLOW_INTERNAL_AND_GCLB) and check the user JWT.
          FUNCTION_URL_TEMPLATE = "https://${var.domain}"
          RELAY_INVOKER_AUTH    = "none"
          # the load balancer and Cloud Run's front end each append to X-Forwarded-For
          RELAY_TRUSTED_PROXIES = "2"
        })
        content {
          name  = env.key
          value = env.value
        }
      }
    }
  }
}
