# Sources of app/actions (paths relative to app/): what the console does to contacts.
target_sources(gc_core PRIVATE
    actions/ContactActionService.h actions/ContactActionService.cpp
)
