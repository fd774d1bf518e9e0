# Sources of app/core (paths relative to app/).
target_sources(gc_core PRIVATE
    core/AppInfo.h core/AppInfo.cpp
    core/DiagnosticsReport.h core/DiagnosticsReport.cpp
    core/Logging.h core/Logging.cpp
    core/Translations.h core/Translations.cpp
    core/RecentMessages.h core/RecentMessages.cpp
    core/SecretRedactor.h core/SecretRedactor.cpp
)
