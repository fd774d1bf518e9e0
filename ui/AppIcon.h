#pragma once

#include <QIcon>

// The application icon at every size the window system may ask for, from the PNGs rendered
// off resources/icons/gateway-console.svg (Qt's SVG module is not a dependency).
QIcon appIcon();
