# Sources of app/live (paths relative to app/): the gateway's realtime feed and its
# application to the cache.
target_sources(gc_core PRIVATE
    live/LiveEvent.h live/LiveEvent.cpp
    live/RealtimeFeed.h live/RealtimeFeed.cpp
    live/LiveEventWriter.h live/LiveEventWriter.cpp
    live/LiveApplier.h live/LiveApplier.cpp
    live/LiveBroadcast.h live/LiveBroadcast.cpp
)
