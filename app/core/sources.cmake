# Sources of app/core (paths relative to app/).
target_sources(gc_core PRIVATE
    core/AppInfo.h core/AppInfo.cpp
    core/Logging.h core/Logging.cpp
    core/Translations.h core/Translations.cpp
)
