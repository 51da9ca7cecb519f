# Third-party keys and the key sealing users' stored OAuth tokens live in Secret Manager; values are
# added out of band (README, "Deploying"), never in Terraform state.
locals {
  secrets = toset(["OPENAI_API_KEY", "OMDB_API_KEY", "PIXABAY_API_KEY", "PINTEREST_TOKEN", "GOOGLE_DRIVE_CLIENT_SECRET", "CREDENTIALS_ENCRYPTION_KEY"])
}

resource "google_secret_manager_secret" "secret" {
  depends_on = [google_project_service.required]

  for_each  = local.secrets
  secret_id = lower(replace(each.value, "_", "-"))
  replication {
    auto {}
  }
}

resource "google_secret_manager_secret_iam_member" "runtime_reads" {
  for_each  = local.secrets
  secret_id = google_secret_manager_secret.secret[each.value].id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.runtime.email}"
}
