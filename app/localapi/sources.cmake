# Sources of app/localapi (paths relative to app/).
# The local REST API: our own small HTTP/1.1 server on loopback (no QtHttpServer).
target_sources(gc_core PRIVATE
    localapi/LocalApiToken.h localapi/LocalApiToken.cpp
    localapi/PathCodec.h localapi/PathCodec.cpp
    localapi/LocalApiConfig.h
    localapi/LocalApiRequest.h localapi/LocalApiRequest.cpp
    localapi/LocalApiResponse.h localapi/LocalApiResponse.cpp
    localapi/HttpResponseWriter.h localapi/HttpResponseWriter.cpp
    localapi/HttpRequestParser.h localapi/HttpRequestParser.cpp
    localapi/LocalApiResponder.h localapi/LocalApiResponder.cpp
    localapi/LocalApiRouter.h localapi/LocalApiRouter.cpp
    localapi/LocalApiGuard.h localapi/LocalApiGuard.cpp
    localapi/LocalApiDispatcher.h localapi/LocalApiDispatcher.cpp
    localapi/HttpConnection.h localapi/HttpConnection.cpp
    localapi/LocalApiServer.h localapi/LocalApiServer.cpp
    localapi/LocalApiServerThread.h localapi/LocalApiServerThread.cpp
    localapi/DiscoveryFile.h localapi/DiscoveryFile.cpp
)

# The cache-backed routes, the service the window and headless mode use, the headless runner.
target_sources(gc_core PRIVATE
    localapi/StoredResponseCache.h localapi/StoredResponseCache.cpp
    localapi/LocalApiBackend.h localapi/LocalApiBackend.cpp
    localapi/LocalApiRoutesCommon.h localapi/LocalApiRoutesCommon.cpp
    localapi/LocalApiJson.h localapi/LocalApiJson.cpp
    localapi/LocalApiRoutes.h localapi/LocalApiRoutes.cpp localapi/LocalApiLiveRoutes.cpp
    localapi/LocalApiService.h localapi/LocalApiService.cpp
    localapi/LocalApiProfileFollower.h localapi/LocalApiProfileFollower.cpp
    localapi/HeadlessRunner.h localapi/HeadlessRunner.cpp
)
# Our own OpenAPI description of the local API (GET /api/v1/openapi.json).
qt_add_resources(gc_core "localapi_openapi"
    PREFIX "/localapi"
    BASE "${CMAKE_SOURCE_DIR}/resources/localapi"
    FILES "${CMAKE_SOURCE_DIR}/resources/localapi/openapi.json")
