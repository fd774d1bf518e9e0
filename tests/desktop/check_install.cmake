# Installs the build into a fresh prefix and checks that every file a desktop needs is in its
# standard place and that the installed binary runs.
# Inputs: BUILD_DIR, PREFIX, DESKTOP_FILE_VALIDATE, VERSION.
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()

set(id org.gatewayconsole.GatewayConsole)
set(expected
    bin/gateway-console
    share/applications/${id}.desktop
    share/metainfo/${id}.metainfo.xml
    share/icons/hicolor/scalable/apps/${id}.svg
    # The catalogues are embedded too; these copies are for packagers.
    share/gateway-console/translations/gateway-console_id.qm
    share/gateway-console/translations/gateway-console_pt_BR.qm)
foreach(size 16 24 32 48 64 128 256 512)
    list(APPEND expected share/icons/hicolor/${size}x${size}/apps/${id}.png)
endforeach()
set(missing)
foreach(path IN LISTS expected)
    if(NOT EXISTS "${PREFIX}/${path}")
        list(APPEND missing "${path}")
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "not installed: ${missing}")
endif()

# Nothing of the tests, the simulator or the benchmarks may ship.
file(GLOB_RECURSE installed RELATIVE "${PREFIX}" "${PREFIX}/*")
foreach(path IN LISTS installed)
    if(path MATCHES "(tst_|bench_|gateway-sim|sync_child)")
        message(FATAL_ERROR "test code installed: ${path}")
    endif()
endforeach()

# The desktop file's Exec and Icon resolve to what was installed.
file(READ "${PREFIX}/share/applications/${id}.desktop" desktop)
if(NOT desktop MATCHES "\nExec=gateway-console\n" OR NOT desktop MATCHES "\nIcon=${id}\n")
    message(FATAL_ERROR "the desktop file's Exec/Icon do not name the installed binary and icon")
endif()
execute_process(COMMAND "${DESKTOP_FILE_VALIDATE}" "${PREFIX}/share/applications/${id}.desktop"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "installed desktop file does not validate")
endif()

execute_process(COMMAND "${PREFIX}/bin/gateway-console" --version
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "${VERSION}")
    message(FATAL_ERROR "installed binary did not run: rc=${rc} out=${out} err=${err}")
endif()
message(STATUS "installed and ran: ${out}")
