#include "core/AppInfo.h"

#include <QCoreApplication>

namespace AppInfo {

QString applicationName()
{
    return QStringLiteral("gateway-console");
}
QString organizationName()
{
    return QStringLiteral("GatewayConsole");
}
QString displayName()
{
    return QStringLiteral("Gateway Console");
}
QString desktopId()
{
    return QStringLiteral("org.gatewayconsole.GatewayConsole");
}
QString version()
{
    return QStringLiteral(GC_VERSION);
}

void applyTo(QCoreApplication &app)
{
    app.setApplicationName(applicationName());
    app.setOrganizationName(organizationName());
    app.setApplicationVersion(version());
}

} // namespace AppInfo
