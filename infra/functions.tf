locals {
  secret_env = { for s in local.secrets : s => google_secret_manager_secret.secret[s].secret_id }
}

resource "google_cloudfunctions2_function" "http" {
  depends_on = [google_project_service.required]

  for_each = local.http_functions
  name     = each.key
  location = var.region

  build_config {
    runtime     = "nodejs20"
    entry_point = each.key
    source {
      storage_source {
        bucket = google_storage_bucket.source.name
        object = google_storage_bucket_object.source.name
      }
    }
  }

  service_config {
    available_memory                 = "1Gi"
    available_cpu                    = "1"
    timeout_seconds                  = 300
    max_instance_count               = 50
    max_instance_request_concurrency = 20
    ingress_settings                 = "ALLOW_INTERNAL_AND_GCLB"
    service_account_email            = google_service_account.runtime.email
    environment_variables            = merge(local.common_env, { FUNCTION_TARGET = each.key })

    dynamic "secret_environment_variables" {
      for_each = local.secret_env
      content {
        key        = secret_environment_variables.key
        project_id = var.project_id
        secret     = secret_environment_variables.value
        version    = "latest"
      }
    }
  }
}

resource "google_cloudfunctions2_function" "event" {
  depends_on = [google_project_service.required]

  for_each = local.event_functions
  name     = each.key
  location = var.region

  build_config {
    runtime     = "nodejs20"
    entry_point = each.key
    source {
      storage_source {
        bucket = google_storage_bucket.source.name
        object = google_storage_bucket_object.source.name
      }
    }
  }

  service_config {
    available_memory      = "2Gi"
    available_cpu         = "1"
    timeout_seconds       = 540
    max_instance_count    = 20
    ingress_settings      = "ALLOW_INTERNAL_ONLY"
    service_account_email = google_service_account.runtime.email
    environment_variables = merge(local.common_env, { FUNCTION_TARGET = each.key })

    dynamic "secret_environment_variables" {
      for_each = local.secret_env
      content {
        key        = secret_environment_variables.key
        project_id = var.project_id
        secret     = secret_environment_variables.value
        version    = "latest"
      }
    }
  }
}

# The processing functions are triggered by push subscriptions we own (rather than Eventarc's), so
# retries with backoff and dead-lettering are declared here, exactly as the local stack wires the
# Pub/Sub emulator; functions-framework turns the push body into the CloudEvent.
resource "google_pubsub_subscription" "trigger" {
  for_each             = local.event_functions
  name                 = "${each.key}-trigger"
  topic                = google_pubsub_topic.topic[each.value.topic].id
  ack_deadline_seconds = 600

  push_config {
    push_endpoint = "${google_cloudfunctions2_function.event[each.key].service_config[0].uri}/projects/${var.project_id}/topics/${each.value.topic}"
    oidc_token {
      service_account_email = google_service_account.runtime.email
    }
  }

  retry_policy {
    minimum_backoff = "10s"
    maximum_backoff = "600s"
  }

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter[each.key].id
    max_delivery_attempts = 5
  }
}

resource "google_pubsub_subscription_iam_member" "dead_letter_subscriber" {
  for_each     = local.event_functions
  subscription = google_pubsub_subscription.trigger[each.key].name
  role         = "roles/pubsub.subscriber"
  member       = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

# After the last failed delivery a job lands in its dead-letter topic; functions that settle dead
# letters get it pushed back once, and mark the resource `failed` instead of leaving it `processing`.
resource "google_pubsub_subscription" "dead_letter_settle" {
  for_each             = { for name, f in local.event_functions : name => f if f.settlesDeadLetters }
  name                 = "${each.key}-dead-letter-settle"
  topic                = google_pubsub_topic.dead_letter[each.key].id
  ack_deadline_seconds = 60

  push_config {
    push_endpoint = "${google_cloudfunctions2_function.event[each.key].service_config[0].uri}/projects/${var.project_id}/topics/${each.key}-dead-letter"
    oidc_token {
      service_account_email = google_service_account.runtime.email
    }
  }

  retry_policy {
    minimum_backoff = "10s"
    maximum_backoff = "600s"
  }
}
