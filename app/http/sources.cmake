# Sources of app/http (paths relative to app/).
# A small, strict HTTP/1.1 server on loopback (our own, no QtHttpServer). It knows nothing
# of the product: it reaches it through one HttpRequestHandler.
target_sources(gc_core PRIVATE
    http/HttpLimits.h http/HttpServerConfig.h
    http/HttpRequest.h http/HttpRequest.cpp
    http/HttpResponse.h http/HttpResponse.cpp
    http/HttpResponseWriter.h http/HttpResponseWriter.cpp
    http/HttpRequestParser.h http/HttpRequestParser.cpp
    http/HttpResponder.h http/HttpResponder.cpp
    http/HttpRequestHandler.h
    http/HttpConnection.h http/HttpConnection.cpp
    http/HttpServer.h http/HttpServer.cpp
    http/HttpServerThread.h http/HttpServerThread.cpp
)
