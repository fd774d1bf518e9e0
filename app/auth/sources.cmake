# Sources of app/auth (paths relative to app/).
target_sources(gc_core PRIVATE
    auth/TokenInspector.h auth/TokenInspector.cpp
    auth/CredentialError.h auth/CredentialError.cpp
    auth/MemoryTokens.h auth/MemoryTokens.cpp
    auth/CredentialStore.h auth/CredentialStore.cpp
    auth/ProfileStore.h auth/ProfileStore.cpp
    auth/CapabilityProbe.h auth/CapabilityProbe.cpp
    auth/SignInController.h auth/SignInController.cpp
    auth/GatewayClientFactory.h auth/GatewayClientFactory.cpp
)
