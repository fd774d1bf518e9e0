# Sources of app/gateway (paths relative to app/).
target_sources(gc_core PRIVATE
    gateway/GatewayTypes.h
    gateway/JsonFieldReader.h gateway/JsonFieldReader.cpp
    gateway/GatewayJson.h gateway/GatewayJson.cpp
    gateway/GatewayError.h gateway/GatewayError.cpp
    gateway/GatewayPaths.h gateway/GatewayPaths.cpp
    gateway/RetryPolicy.h gateway/RetryPolicy.cpp
    gateway/GatewayCall.h gateway/GatewayCall.cpp
    gateway/GatewayClient.h gateway/GatewayClient.cpp
    gateway/GatewayReachability.h gateway/GatewayReachability.cpp
)
