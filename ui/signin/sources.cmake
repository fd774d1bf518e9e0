# Sources of ui/signin (paths relative to ui/): sign-in dialog, Profile menu, status label.
target_sources(gc_ui PRIVATE
    signin/SignInText.h signin/SignInText.cpp
    signin/SignInDialog.h signin/SignInDialog.cpp signin/SignInDialog.ui
    signin/ProfilesMenu.h signin/ProfilesMenu.cpp
    signin/SignInStatus.h signin/SignInStatus.cpp
)
