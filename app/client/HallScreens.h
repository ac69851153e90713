#pragma once

#include <QString>
#include <QUrl>

class DemoDevicesPlugin;

// The hall's own screens, each a program of its own mode: `onewindow --kiosk` (the ticket kiosk,
// with the card reader and the ticket printer) and `onewindow --hall-display` (the calls, with
// the voice). Both follow a hall's queue at the back office with the hall device's token.
struct HallScreenOptions
{
    QUrl backOffice;
    QString hall;
    QString hallName;
    QByteArray token; // the kiosk's or the display's device token (admin add-hall-device)
    QUrl followBase; // where the ticket's QR points (the back office's public address)
    bool demo = false;
    bool fullScreen = true;
};

int runKiosk(const HallScreenOptions &options, DemoDevicesPlugin *demoPlugin);
int runHallDisplay(const HallScreenOptions &options);
