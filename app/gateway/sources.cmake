# Sources of app/gateway (paths relative to app/).
target_sources(gc_core PRIVATE
    gateway/GatewayTypes.h
    gateway/JsonFieldReader.h gateway/JsonFieldReader.cpp
    gateway/GatewayJson.h gateway/GatewayJson.cpp
)
