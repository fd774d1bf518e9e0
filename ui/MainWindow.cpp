#include "MainWindow.h"

#include "core/AppInfo.h"
#include "signin/ProfilesMenu.h"
#include "signin/SignInStatus.h"

#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(AppInfo::displayName());
    auto *placeholder = new QLabel(tr("Sign in to a gateway to browse its sessions."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    resize(1100, 700);
}

void MainWindow::setSignInController(SignInController *controller)
{
    menuBar()->addMenu(new ProfilesMenu(controller, this));
    statusBar()->addPermanentWidget(new SignInStatus(controller, this));
}
