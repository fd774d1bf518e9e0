#include "MainWindow.h"

#include "core/AppInfo.h"

#include <QLabel>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(AppInfo::displayName());
    auto *placeholder = new QLabel(tr("Sign in to a gateway to browse its sessions."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    resize(1100, 700);
}
