resource "google_storage_bucket" "content" {
  depends_on = [google_project_service.required]

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
  depends_on = [google_project_service.required]

  name                        = "${var.project_id}-function-source"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
}

data "archive_file" "source" {
  type        = "zip"
  source_dir  = var.source_dir
  output_path = "${path.module}/.terraform/function-source.zip"
}

# Named by content: a changed build is a new object, which redeploys every function.
resource "google_storage_bucket_object" "source" {
  name   = "source-${data.archive_file.source.output_md5}.zip"
  bucket = google_storage_bucket.source.name
  source = data.archive_file.source.output_path
}
