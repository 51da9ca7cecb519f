# The event sequencer: a Cloud Run pull worker (same image as the relay, FUNCTION_TARGET chooses)
# reading the intake subscription, assigning channel positions in batches, publishing to the
# events topic, and sweeping the outbox. CPU stays allocated (it pulls, it is never called), and
# one instance always runs; more instances share the subscription by ordering key.
resource "google_cloud_run_v2_service" "sequencer" {
  depends_on = [google_project_service.required]

  for_each = local.sequencer
  name     = each.key
  location = var.region
  ingress  = "INGRESS_TRAFFIC_INTERNAL_ONLY"

  template {
    service_account = google_service_account.runtime.email
    scaling {
      min_instance_count = 1
      max_instance_count = 4
    }
    containers {
      image = var.relay_image
      resources {
        cpu_idle = false
        limits   = { cpu = "1", memory = "512Mi" }
      }
      dynamic "env" {
        for_each = merge(local.common_env, { FUNCTION_TARGET = each.key })
        content {
          name  = env.key
          value = env.value
        }
      }
    }
  }
}

# Committed events of every function, ordered per channel (ordering key), for the sequencer.
resource "google_pubsub_subscription" "event_sequencer" {
  name                       = local.manifest.eventSequencerSubscription
  topic                      = google_pubsub_topic.topic[local.manifest.eventsIntakeTopic].id
  enable_message_ordering    = true
  ack_deadline_seconds       = 30
  message_retention_duration = "604800s"
  expiration_policy {
    ttl = ""
  }
  retry_policy {
    minimum_backoff = "1s"
    maximum_backoff = "30s"
  }
}
