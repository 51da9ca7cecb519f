variable "project_id" {
  type        = string
  description = "Google Cloud project to deploy into."
}

variable "region" {
  type        = string
  default     = "europe-west1"
  description = "Region of the functions, the relay and the bucket."
}

variable "domain" {
  type        = string
  description = "Public host name served by the HTTPS load balancer (managed certificate)."
}

variable "source_archive" {
  type        = string
  default     = "../dist/source.zip"
  description = "Zip of dist/ + package.json + package-lock.json (scripts/package-source.sh builds it)."
}

variable "relay_image" {
  type        = string
  description = "Container image of the WebSocket relay (built from functions/relay/Dockerfile)."
}

variable "auth_issuer" {
  type        = string
  default     = ""
  description = "Expected token issuer; empty means Firebase Auth of this project."
}

variable "max_upload_bytes" {
  type    = number
  default = 536870912
}

variable "google_drive_client_id" {
  type        = string
  default     = ""
  description = "OAuth client id used to refresh users' Google Drive tokens (its secret is in Secret Manager)."
}
