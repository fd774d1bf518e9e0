# Sources of app/sync (paths relative to app/).
target_sources(gc_core PRIVATE
    sync/RequestBudget.h sync/RequestBudget.cpp
    sync/SyncTypes.h
    sync/SyncEngine.h sync/SyncEngine.cpp sync/SyncEngineContacts.cpp sync/SyncEngineMembers.cpp
    sync/SyncLock.h sync/SyncLock.cpp
    sync/SyncService.h sync/SyncService.cpp
    sync/SyncStore.h sync/SyncStore.cpp
)
