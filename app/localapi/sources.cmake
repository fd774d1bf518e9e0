# Sources of app/localapi (paths relative to app/).
# The local REST API over the generic server of app/http: the handler behind it (dispatcher,
# guard, router, token, path checks), its error envelope, discovery file and server thread.
target_sources(gc_core PRIVATE
    localapi/LocalApiToken.h localapi/LocalApiToken.cpp
    localapi/PathCodec.h localapi/PathCodec.cpp
    localapi/LocalApiConfig.h
    localapi/LocalApiErrors.h localapi/LocalApiErrors.cpp
    localapi/LocalApiRouter.h localapi/LocalApiRouter.cpp
    localapi/LocalApiGuard.h localapi/LocalApiGuard.cpp
    localapi/LocalApiDispatcher.h localapi/LocalApiDispatcher.cpp
    localapi/DiscoveryFile.h localapi/DiscoveryFile.cpp
    localapi/LocalApiServerThread.h localapi/LocalApiServerThread.cpp
)

# The cache-backed routes, the service the window and headless mode use, the headless runner.
target_sources(gc_core PRIVATE
    localapi/StoredResponseCache.h localapi/StoredResponseCache.cpp
    localapi/LocalApiBackend.h localapi/LocalApiBackend.cpp
    localapi/LocalApiRoutesCommon.h localapi/LocalApiRoutesCommon.cpp
    localapi/LocalApiJson.h localapi/LocalApiJson.cpp
    localapi/LocalApiRoutes.h localapi/LocalApiRoutes.cpp
    localapi/routes/SessionRoutes.h localapi/routes/SessionRoutes.cpp
    localapi/routes/ContactRoutes.h localapi/routes/ContactRoutes.cpp
    localapi/routes/GroupRoutes.h localapi/routes/GroupRoutes.cpp
    localapi/routes/ConsoleRoutes.h localapi/routes/ConsoleRoutes.cpp
    localapi/routes/RealtimeRoutes.h localapi/routes/RealtimeRoutes.cpp
    localapi/routes/OpenApiRoute.h localapi/routes/OpenApiRoute.cpp
    localapi/LocalRealtime.h localapi/LocalRealtimeHub.h localapi/LocalRealtimeHub.cpp
    localapi/LocalApiService.h localapi/LocalApiService.cpp
)
# Our own OpenAPI description of the local API (GET /api/v1/openapi.json).
qt_add_resources(gc_core "localapi_openapi"
    PREFIX "/localapi"
    BASE "${CMAKE_SOURCE_DIR}/resources/localapi"
    FILES "${CMAKE_SOURCE_DIR}/resources/localapi/openapi.json")
