# Sources of app/auth (paths relative to app/).
