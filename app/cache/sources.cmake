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
    cache/CacheWriter.h cache/CacheWriter.cpp
    cache/SearchIndexer.h cache/SearchIndexer.cpp
    cache/ContactCursor.h cache/ContactCursor.cpp
    cache/ContactSql.h cache/ContactSql.cpp
    cache/ContactSearch.h cache/ContactSearch.cpp
    cache/ContactCounter.h cache/ContactCounter.cpp
    cache/CacheReader.h cache/CacheReader.cpp
    cache/AuditLog.h cache/AuditLog.cpp
    cache/BackgroundWriter.h cache/BackgroundWriter.cpp
)
