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

variable "source_dir" {
  type        = string
  default     = "../.deploy/source"
  description = "Function source staged by `npm run package` (dist/, package.json, package-lock.json); zipped and uploaded on apply."
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
