# Sources of app/cli (paths relative to app/).
