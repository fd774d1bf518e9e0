# Sources of app/cli (paths relative to app/).
target_sources(gc_core PRIVATE
    cli/ProfileCommand.h cli/ProfileCommand.cpp
    cli/SyncCommand.h cli/SyncCommand.cpp
)
