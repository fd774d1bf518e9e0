# Sources of app/localapi (paths relative to app/).
