#include "onewindow/printer/PrinterProfile.h"

namespace ow::printer {

PrinterProfile PrinterProfile::defaultProfile()
{
    PrinterProfile p;
    p.id = QStringLiteral("generic-58");
    p.name = QStringLiteral("Generic 58 mm ESC/POS");
    return p;
}

PrinterProfile PrinterProfile::generic80()
{
    PrinterProfile p;
    p.id = QStringLiteral("generic-80");
    p.name = QStringLiteral("Generic 80 mm ESC/POS");
    p.dotsPerLine = 576;
    return p;
}

QList<PrinterProfile> PrinterProfile::knownProfiles()
{
    QList<PrinterProfile> list {defaultProfile(), generic80()};

    PrinterProfile epson = generic80();
    epson.id = QStringLiteral("epson-tm-t88v");
    epson.name = QStringLiteral("Epson TM-T88V (Simplified Chinese model)");
    epson.vendorId = 0x04b8;
    epson.productId = 0x0202;
    epson.nativeQr = true;
    epson.receiveBufferBytes = 4096;
    list.append(epson);

    PrinterProfile xp58 = defaultProfile();
    xp58.id = QStringLiteral("xprinter-xp-58iiq");
    xp58.name = QStringLiteral("Xprinter XP-58IIQ");
    xp58.vendorId = 0x0416;
    xp58.productId = 0x5011;
    xp58.nativeQr = true;
    xp58.chinese = Chinese::GbkDoubleByte;
    xp58.receiveBufferBytes = 2048;
    list.append(xp58);

    PrinterProfile zj = defaultProfile();
    zj.id = QStringLiteral("zijiang-zj-5890");
    zj.name = QStringLiteral("Zijiang ZJ-5890 / POS-58 clones");
    zj.vendorId = 0x0fe6;
    zj.productId = 0x811e;
    zj.nativeQr = false; // answers GS ( k with garbage text on many firmware versions
    zj.chinese = Chinese::GbkDoubleByte;
    zj.receiveBufferBytes = 1024;
    list.append(zj);

    PrinterProfile xp80 = generic80();
    xp80.id = QStringLiteral("xprinter-xp-c2008");
    xp80.name = QStringLiteral("Xprinter XP-C2008 (80 mm)");
    xp80.vendorId = 0x6868;
    xp80.productId = 0x0500;
    xp80.nativeQr = true;
    xp80.cut = Cut::FeedAndFull;
    list.append(xp80);
    return list;
}

PrinterProfile PrinterProfile::forUsbId(quint16 vendorId, quint16 productId)
{
    for (const PrinterProfile &p : knownProfiles()) {
        if (p.vendorId == vendorId && p.productId == productId)
            return p;
    }
    PrinterProfile p = defaultProfile();
    p.vendorId = vendorId;
    p.productId = productId;
    return p;
}

PrinterProfile PrinterProfile::byId(const QString &id, bool *found)
{
    for (const PrinterProfile &p : knownProfiles()) {
        if (p.id == id) {
            if (found)
                *found = true;
            return p;
        }
    }
    if (found)
        *found = false;
    return defaultProfile();
}

} // namespace ow::printer
