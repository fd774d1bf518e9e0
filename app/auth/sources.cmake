# Sources of app/auth (paths relative to app/).
target_sources(gc_core PRIVATE
    auth/TokenInspector.h auth/TokenInspector.cpp
)
