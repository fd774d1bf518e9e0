# Sources of app/console (paths relative to app/): the composition root's core. It owns the
# signed-in profile's services; the window and the headless mode are front ends over it.
target_sources(gc_core PRIVATE
    console/ProfileServices.h console/ProfileServices.cpp
    console/Console.h console/Console.cpp
    console/HeadlessFrontEnd.h console/HeadlessFrontEnd.cpp
    console/LiveService.h console/LiveService.cpp
)
