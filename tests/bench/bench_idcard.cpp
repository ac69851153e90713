// ID card figures: the pure codec (parse + decode of the 1295- and 2321-byte answers) and a
// whole find → select → read → appended-address cycle through the real libusb path against the
// simulator under umockdev (emulation costs ~0.5 ms per transfer, so this measures our stack plus
// the emulator, not a real reader). Prints medians. Usage: bench_idcard [reads]
#include "onewindow/devicesim/IdCardReaderSim.h"
#include "onewindow/devicesim/Preload.h"
#include "onewindow/devicesim/UsbTestbed.h"
#include "onewindow/idcard/CardDecoder.h"
#include "onewindow/idcard/IdCardReader.h"
#include "onewindow/usb/DeviceManager.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <algorithm>
#include <cstdio>
#include <vector>

using ow::devicesim::IdCardReaderSim;
using ow::devicesim::SimIdCard;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

QByteArray readFrame(bool fingerprint)
{
    const SimIdCard card = SimIdCard::demo(SimIdCard::Type::Resident);
    QByteArray data = fingerprint ? QByteArray::fromHex("010004000400") : QByteArray::fromHex("01000400");
    data += card.textBlock() + card.photo + (fingerprint ? card.fingerprint : QByteArray());
    return IdCardReaderSim::responseFrame(0x90, data);
}

void benchCodec()
{
    for (bool fingerprint : {false, true}) {
        const QByteArray frame = readFrame(fingerprint);
        std::vector<double> perDecodeUs;
        for (int round = 0; round < 9; ++round) {
            QElapsedTimer t;
            t.start();
            const int n = 20000;
            int ok = 0;
            for (int i = 0; i < n; ++i)
                ok += ow::idcard::CardDecoder::decodeReadFrame(frame).ok() ? 1 : 0;
            perDecodeUs.push_back(double(t.nsecsElapsed()) / 1000.0 / n);
            if (ok != n)
                std::fprintf(stderr, "decode failed\n");
        }
        std::printf("codec: parse+decode of the %lld-byte answer: median %.2f us (9 rounds x 20000)\n",
            static_cast<long long>(frame.size()), median(perDecodeUs));
    }
}

void benchReads(int reads)
{
    ow::devicesim::UsbTestbed testbed;
    if (!testbed.isValid()) {
        std::fprintf(stderr, "no testbed: %s\n", qPrintable(testbed.error()));
        return;
    }
    for (auto transport : {IdCardReaderSim::Transport::SinglePipe, IdCardReaderSim::Transport::SplitPipe}) {
        IdCardReaderSim sim(transport);
        sim.putDemoCard(SimIdCard::Type::Resident);
        testbed.plug(&sim);
        std::vector<double> ms;
        {
            ow::usb::DeviceManager manager;
            auto *reader = manager.addDriver(std::make_unique<ow::idcard::IdCardReader>());
            QSignalSpy ready(reader, &ow::idcard::IdCardReader::statusChanged);
            QSignalSpy read(reader, &ow::idcard::IdCardReader::cardRead);
            manager.start();
            QElapsedTimer wait;
            wait.start();
            while (reader->status().state != ow::usb::DeviceState::Ready && wait.elapsed() < 10000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            for (int i = 0; i < reads; ++i) {
                const int before = int(read.count());
                QElapsedTimer t;
                t.start();
                reader->readOnce();
                while (read.count() == before && t.elapsed() < 10000)
                    read.wait(5);
                ms.push_back(double(t.nsecsElapsed()) / 1e6);
            }
        }
        testbed.unplug(&sim);
        QCoreApplication::processEvents();
        std::printf("read under umockdev (%s): find+select+read+address, median %.1f ms over %d reads\n",
            transport == IdCardReaderSim::Transport::SinglePipe ? "single-pipe" : "split-pipe", median(ms), reads);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QString error;
    if (!ow::devicesim::ensureUmockdevPreload(argc, argv, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QCoreApplication app(argc, argv);
    const int reads = argc > 1 ? qMax(1, QByteArray(argv[1]).toInt()) : 30;
    benchCodec();
    benchReads(reads);
    return 0;
}
