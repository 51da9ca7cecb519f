resource "google_firestore_database" "main" {
  depends_on = [google_project_service.required]

  name        = "(default)"
  location_id = var.region
  type        = "FIRESTORE_NATIVE"
}

locals {
  # Composite indexes the code's queries need; the emulator needs none, production does.
  index_file = "${path.module}/firestore-indexes.json"
  indexes    = fileexists(local.index_file) ? jsondecode(file(local.index_file)).indexes : []
}

resource "google_firestore_index" "composite" {
  for_each    = { for i, index in local.indexes : "${index.collectionGroup}-${i}" => index }
  database    = google_firestore_database.main.name
  collection  = each.value.collectionGroup
  query_scope = lookup(each.value, "queryScope", "COLLECTION")

  dynamic "fields" {
    for_each = each.value.fields
    content {
      field_path   = fields.value.fieldPath
      order        = lookup(fields.value, "order", null)
      array_config = lookup(fields.value, "arrayConfig", null)
    }
  }
}

# Finished processing-job ledger entries carry `expireAt`; Firestore deletes them after it.
resource "google_firestore_field" "processing_jobs_ttl" {
  database   = google_firestore_database.main.name
  collection = "processingJobs"
  field      = "expireAt"
  ttl_config {}
  index_config {}
}

# Sequenced client events kept for gap filling and WebSocket recovery
# (eventChannels/{channel}/batches/{first}) expire.
resource "google_firestore_field" "event_history_ttl" {
  database   = google_firestore_database.main.name
  collection = "batches"
  field      = "expireAt"
  ttl_config {}
  index_config {}
}

# Outbox entries are deleted once published; the TTL only bounds what a broken deployment leaves.
resource "google_firestore_field" "event_outbox_ttl" {
  database   = google_firestore_database.main.name
  collection = "eventOutbox"
  field      = "expireAt"
  ttl_config {}
  index_config {}
}

# Channel joins recorded for revocations (channelSubscriptions/{channel}~{userId}) expire unless renewed.
resource "google_firestore_field" "channel_subscriptions_ttl" {
  database   = google_firestore_database.main.name
  collection = "channelSubscriptions"
  field      = "expireAt"
  ttl_config {}
  index_config {}
}
