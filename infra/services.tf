# The Google APIs this deployment uses, enabled by the same apply that uses them.
locals {
  services = toset([
    "artifactregistry.googleapis.com", # function builds
    "cloudbuild.googleapis.com",       # function builds
    "cloudfunctions.googleapis.com",
    "compute.googleapis.com", # the HTTPS load balancer
    "firestore.googleapis.com",
    "iam.googleapis.com",
    "iamcredentials.googleapis.com", # signed URLs (signBlob as the runtime service account)
    "pubsub.googleapis.com",
    "run.googleapis.com", # the relay, and the functions' gen2 services
    "secretmanager.googleapis.com",
    "storage.googleapis.com",
  ])
}

resource "google_project_service" "required" {
  for_each           = local.services
  service            = each.value
  disable_on_destroy = false
}
