resource "google_pubsub_topic" "topic" {
  depends_on = [google_project_service.required]

  for_each = local.topics
  name     = each.value
}

# Where a processing job lands after its last failed delivery.
resource "google_pubsub_topic" "dead_letter" {
  depends_on = [google_project_service.required]

  for_each = local.event_functions
  name     = "${each.key}-dead-letter"
}

resource "google_pubsub_subscription" "dead_letter_keep" {
  for_each                   = local.event_functions
  name                       = "${each.key}-dead-letter-keep"
  topic                      = google_pubsub_topic.dead_letter[each.key].id
  message_retention_duration = "604800s"
}

data "google_project" "this" {}

# Pub/Sub must be allowed to forward undeliverable messages to the dead-letter topics.
resource "google_pubsub_topic_iam_member" "dead_letter_publisher" {
  for_each = local.event_functions
  topic    = google_pubsub_topic.dead_letter[each.key].id
  role     = "roles/pubsub.publisher"
  member   = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

# Bucket finalize notifications of originals/ feed the upload-finalized function.
data "google_storage_project_service_account" "gcs" {}

resource "google_pubsub_topic_iam_member" "gcs_publishes_uploads" {
  for_each = toset([local.manifest.uploadsTopic])
  topic    = google_pubsub_topic.topic[each.value].id
  role     = "roles/pubsub.publisher"
  member   = "serviceAccount:${data.google_storage_project_service_account.gcs.email_address}"
}

resource "google_storage_notification" "uploads" {
  for_each           = toset([local.manifest.uploadsTopic])
  bucket             = google_storage_bucket.content.name
  topic              = google_pubsub_topic.topic[each.value].id
  payload_format     = "JSON_API_V1"
  event_types        = ["OBJECT_FINALIZE"]
  object_name_prefix = "originals/"
  depends_on         = [google_pubsub_topic_iam_member.gcs_publishes_uploads]
}
