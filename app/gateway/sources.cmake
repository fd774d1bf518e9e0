# Sources of app/gateway (paths relative to app/).
