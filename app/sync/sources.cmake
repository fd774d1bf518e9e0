# Sources of app/sync (paths relative to app/).
