resource "google_service_account" "runtime" {
  depends_on = [google_project_service.required]

  account_id   = "backend-runtime"
  display_name = "Functions and relay runtime"
}

resource "google_project_iam_member" "runtime" {
  for_each = toset([
    "roles/datastore.user",
    "roles/pubsub.editor", # publishes events/jobs; the relay creates its own expiring subscription
    "roles/logging.logWriter",
    "roles/eventarc.eventReceiver",
    "roles/run.invoker",
  ])
  project = var.project_id
  role    = each.value
  member  = "serviceAccount:${google_service_account.runtime.email}"
}

resource "google_storage_bucket_iam_member" "runtime_objects" {
  bucket = google_storage_bucket.content.name
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:${google_service_account.runtime.email}"
}

# Signed URLs are signed through the IAM signBlob API with the runtime account itself.
resource "google_service_account_iam_member" "runtime_signs" {
  service_account_id = google_service_account.runtime.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = "serviceAccount:${google_service_account.runtime.email}"
}
