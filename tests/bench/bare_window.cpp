// The reference for bench_startup: a bare Qt Widgets window (a main window with a label),
// built in the same tree and started the same way as the client, with the same first-paint probe.
#include "onewindow/ui/FirstPaintProbe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("OneWindow"), &window));
    window.resize(1280, 800);
    ow::ui::FirstPaintProbe::installIfRequested(&window);
    window.show();
    return app.exec();
}
