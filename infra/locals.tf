locals {
  # Derived from the code by `npm run infra:manifest`; a test fails when it is out of date.
  manifest = jsondecode(file("${path.module}/generated/manifest.json"))

  http_functions  = { for f in local.manifest.httpFunctions : f.name => f }
  event_functions = { for f in local.manifest.eventFunctions : f.name => f }
  # the relay service(s); the event sequencer is a Cloud Run pull worker of its own (sequencer.tf)
  cloud_run       = { for s in local.manifest.cloudRun : s.name => s if s.name != "event-sequencer" }
  sequencer       = { for s in local.manifest.cloudRun : s.name => s if s.name == "event-sequencer" }
  topics          = toset(local.manifest.topics)

  auth_issuer = var.auth_issuer != "" ? var.auth_issuer : "https://securetoken.google.com/${var.project_id}"

  common_env = {
    GOOGLE_CLOUD_PROJECT = var.project_id
    STORAGE_BUCKET       = google_storage_bucket.content.name
    AUTH_JWKS_URL        = "https://www.googleapis.com/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com"
    AUTH_ISSUER          = local.auth_issuer
    AUTH_AUDIENCE        = var.project_id
    PUBLIC_BASE_URL      = "https://${var.domain}"
    MAX_UPLOAD_BYTES     = tostring(var.max_upload_bytes)
    VALIDATE_RESPONSES   = "false"
    GOOGLE_DRIVE_CLIENT_ID = var.google_drive_client_id
  }
}
