resource "google_storage_bucket" "content" {
  name                        = "${var.project_id}-content"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  cors {
    origin          = ["https://${var.domain}"]
    method          = ["GET", "HEAD", "PUT"]
    response_header = ["Content-Type", "Content-Range", "Range", "ETag", "x-goog-resumable"]
    max_age_seconds = 3600
  }

  # Partner images are re-fetched when their cache expires.
  lifecycle_rule {
    condition {
      age            = 30
      matches_prefix = ["partner-thumbnails/"]
    }
    action {
      type = "Delete"
    }
  }

  # Resumable sessions that were never completed.
  lifecycle_rule {
    condition {
      age                = 7
      matches_prefix     = ["uploads/"]
    }
    action {
      type = "Delete"
    }
  }
}

resource "google_storage_bucket" "source" {
  name                        = "${var.project_id}-function-source"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
}

resource "google_storage_bucket_object" "source" {
  name   = "source-${filemd5(var.source_archive)}.zip"
  bucket = google_storage_bucket.source.name
  source = var.source_archive
}
