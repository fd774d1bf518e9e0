#pragma once

#include <QString>

class QCoreApplication;

// Names the application once, for QCoreApplication, QSettings, the keychain service and
// the paths under QStandardPaths, so they can never drift apart.
namespace AppInfo {
QString applicationName();  // "gateway-console"
QString organizationName(); // "GatewayConsole"
QString displayName();      // "Gateway Console"
QString desktopId(); // "org.gatewayconsole.GatewayConsole": .desktop file, icon, AppStream id
QString version();
void applyTo(QCoreApplication &app);
} // namespace AppInfo
