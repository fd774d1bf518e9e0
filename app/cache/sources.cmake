# Sources of app/cache (paths relative to app/).
