output "api_address" {
  value       = google_compute_global_address.api.address
  description = "Point the DNS record of var.domain here."
}

output "content_bucket" {
  value = google_storage_bucket.content.name
}

output "function_urls" {
  value = { for name, f in google_cloudfunctions2_function.http : name => f.service_config[0].uri }
}
