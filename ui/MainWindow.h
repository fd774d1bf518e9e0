#pragma once

#include <QMainWindow>

class SignInController;

// The console's main window. It grows with the GUI issue; for now it is the empty shell
// that ./run demo opens, with the Profile menu and the signed-in profile in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Adds the Profile menu (sign in, switch, add session id, sign out) and the status-bar
    // label; sign-in requests from the controller open the sign-in dialog over this window.
    void setSignInController(SignInController *controller);
};
