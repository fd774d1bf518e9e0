# Sources of app/cache (paths relative to app/).
target_sources(gc_core PRIVATE
    cache/SearchText.h cache/SearchText.cpp
    cache/CacheLocation.h cache/CacheLocation.cpp
    cache/RowStatement.h cache/RowStatement.cpp
    cache/CacheDatabase.h cache/CacheDatabase.cpp
    cache/CacheSchema.h cache/CacheSchema.cpp
    cache/CacheTypes.h cache/CacheTypes.cpp
    cache/CacheKeys.h cache/CacheKeys.cpp
    cache/EncodedRows.h cache/EncodedRows.cpp
    cache/WriteContext.h cache/WriteContext.cpp
    cache/SearchQueue.h cache/SearchQueue.cpp
    cache/RowStore.h cache/RowStore.cpp
    cache/SessionWriter.h cache/SessionWriter.cpp
    cache/SyncPassWriter.h cache/SyncPassWriter.cpp
    cache/ContactDetailWriter.h cache/ContactDetailWriter.cpp
    cache/CacheWriter.h cache/CacheWriter.cpp
    cache/SearchIndexer.h cache/SearchIndexer.cpp
    cache/ContactCursor.h cache/ContactCursor.cpp
    cache/ContactSql.h cache/ContactSql.cpp
    cache/SearchContext.h
    cache/SearchStatements.h cache/SearchStatements.cpp
    cache/SearchCandidates.h cache/SearchCandidates.cpp
    cache/SearchWalk.h cache/SearchWalk.cpp
    cache/SearchCounter.h cache/SearchCounter.cpp
    cache/ContactSearch.h cache/ContactSearch.cpp
    cache/ContactCounter.h cache/ContactCounter.cpp
    cache/CacheReader.h cache/CacheReader.cpp
    cache/AuditLog.h cache/AuditLog.cpp
    cache/BackgroundWriter.h cache/BackgroundWriter.cpp
    cache/CacheMeta.h cache/CacheMeta.cpp
)
# The DDL of each schema version (CacheSchema runs them from :/cache/schema).
qt_add_resources(gc_core "cache_schema"
    PREFIX "/cache/schema"
    BASE "${CMAKE_CURRENT_SOURCE_DIR}/cache/schema"
    FILES
        "${CMAKE_CURRENT_SOURCE_DIR}/cache/schema/v1.sql"
        "${CMAKE_CURRENT_SOURCE_DIR}/cache/schema/v2_columns.sql"
        "${CMAKE_CURRENT_SOURCE_DIR}/cache/schema/v2_search.sql"
        "${CMAKE_CURRENT_SOURCE_DIR}/cache/schema/v3.sql"
        "${CMAKE_CURRENT_SOURCE_DIR}/cache/schema/v4.sql"
        "${CMAKE_CURRENT_SOURCE_DIR}/cache/schema/v5.sql"
        "${CMAKE_CURRENT_SOURCE_DIR}/cache/schema/v6.sql")
