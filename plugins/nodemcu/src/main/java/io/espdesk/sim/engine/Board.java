package io.espdesk.sim.engine;

/**
 * One simulated ESP8266: its flash, UART0, pins, WiFi interfaces, power and reset cause, and the {@link Firmware}
 * that runs on it. Every event of the board's runs through {@link #deliver}, so the firmware decides what an error in
 * it means (a panic, a watchdog reset); either way only this board restarts.
 */
public final class Board {
    /** Time from reset to init.lua (boot ROM, SDK start). */
    static final long BOOT_US = 250_000;

    /** External reset reasons, as node.bootreason() reports them. */
    public static final int EXT_POWER_ON = 0;
    public static final int EXT_EXCEPTION = 2;
    public static final int EXT_SOFT_WDT = 3;
    public static final int EXT_SOFT_RESTART = 4;
    public static final int EXT_DEEP_SLEEP_WAKE = 5;
    public static final int EXT_EXTERNAL_RESET = 6;

    private final World world;
    private final String name;
    private final int index;
    private final Flash flash;
    private final Console console;
    private final WifiSettings wifi = new WifiSettings();
    private final Station station;
    private final int[] inputLevels = new int[13];
    private final int[] outputLevels = new int[13];
    private final boolean[] isOutput = new boolean[13];
    private final java.io.ByteArrayOutputStream uartWrites = new java.io.ByteArrayOutputStream();
    private AccessPoint softAp;
    private WifiListener wifiListener;
    private UartSink uartSink;
    private GpioSink gpioSink;
    private final Firmware firmware;
    private boolean powered;
    private int bootCount;
    private int rawReason = 1;
    private int extReason = EXT_POWER_ON;
    private long bootedAt;

    /** Where bytes typed into UART0 go (the uart module or the Lua interpreter). */
    public interface UartSink {
        void input(byte[] data);
    }

    /** Told when an input pin changes level from outside. */
    public interface GpioSink {
        void inputChanged(int pin, int level);
    }

    Board(World world, String name, int index, Flash flash, Firmware.Factory firmware) {
        this.world = world;
        this.name = name;
        this.index = index;
        this.flash = flash;
        this.console = new Console(line -> world.emit(this, line), world::keepsLines);
        this.station = new Station(this);
        java.util.Arrays.fill(inputLevels, 1); // inputs float high (pull-ups on the dev boards)
        this.firmware = firmware.create(this);
    }

    public World world() {
        return world;
    }

    public String name() {
        return name;
    }

    public Flash flash() {
        return flash;
    }

    public Console console() {
        return console;
    }

    public WifiSettings wifi() {
        return wifi;
    }

    public Station station() {
        return station;
    }

    public AccessPoint softAp() {
        return softAp;
    }

    public boolean powered() {
        return powered;
    }

    public int bootCount() {
        return bootCount;
    }

    public int rawResetReason() {
        return rawReason;
    }

    public int extResetReason() {
        return extReason;
    }

    /** Microseconds since this board last booted (tmr.now()). */
    public long uptimeMicros() {
        return world.scheduler().now() - bootedAt;
    }

    public WifiListener wifiListener() {
        return wifiListener;
    }

    public void wifiListener(WifiListener l) {
        this.wifiListener = l;
    }

    public void uartSink(UartSink s) {
        this.uartSink = s;
    }

    public void gpioSink(GpioSink s) {
        this.gpioSink = s;
    }

    public int inputLevel(int pin) {
        return inputLevels[pin];
    }

    /** The level a script last wrote to an output pin (0 after a reset). */
    public int outputLevel(int pin) {
        return outputLevels[pin];
    }

    public void setOutputLevel(int pin, int level) {
        outputLevels[pin] = level;
    }

    /** Whether the script set the pin as an output (or open drain). */
    public void setOutput(int pin, boolean output) {
        isOutput[pin] = output;
    }

    public int pinLevel(int pin) {
        return isOutput[pin] ? outputLevels[pin] : inputLevels[pin];
    }

    /** uart.write: to UART0 like everything else, and kept apart so a scenario can check exactly these bytes. */
    public void uartWrite(byte[] bytes) {
        if (world.keepsLines()) {
            uartWrites.write(bytes, 0, bytes.length);
        }
        console.write(bytes);
    }

    public byte[] uartWrites() {
        return uartWrites.toByteArray();
    }

    /** A deterministic chip id derived from the board's name and place. */
    public int chipId() {
        return (name.hashCode() * 31 + index) & 0xFFFFFF;
    }

    public String staMac() {
        return String.format("5c:cf:7f:%02x:%02x:%02x", (chipId() >> 16) & 255, (chipId() >> 8) & 255, chipId() & 255);
    }

    public String apMac() {
        return String.format("5e:cf:7f:%02x:%02x:%02x", (chipId() >> 16) & 255, (chipId() >> 8) & 255, chipId() & 255);
    }

    /** Powers the board on after {@code delayUs}. */
    public void powerOn(long delayUs) {
        world.scheduler().after(delayUs, null, () -> {
            if (!powered) {
                rawReason = 1;
                extReason = EXT_POWER_ON;
                boot();
            }
        });
    }

    private void boot() {
        powered = true;
        bootCount++;
        bootedAt = world.scheduler().now();
        java.util.Arrays.fill(outputLevels, 0);
        java.util.Arrays.fill(isOutput, false);
        firmware.boot();
        if ((wifi.mode & WifiSettings.SOFTAP) != 0) {
            startSoftAp();
        }
        if ((wifi.mode & WifiSettings.STATION) != 0 && wifi.staAuto && wifi.staSsid != null) {
            station.connect();
        }
        world.scheduler().after(0, this, firmware::start);
    }

    /** Runs one event of this board's as a firmware task (nothing happens on a board without power). */
    public void deliver(Runnable event) {
        if (powered) {
            firmware.deliver(event);
        }
    }

    /** Resets the board: it goes dark now and boots again shortly, keeping its flash and WiFi settings. */
    public void restart(int raw, int ext) {
        powerOff();
        rawReason = raw;
        extReason = ext;
        world.scheduler().after(BOOT_US, null, this::boot);
    }

    /** Deep sleep: dark for {@code sleepUs}, then a boot with reason "deep sleep wake" (0 = until reset). */
    public void deepSleep(long sleepUs) {
        powerOff();
        if (sleepUs > 0) {
            world.scheduler().after(sleepUs, null, () -> {
                rawReason = 2;
                extReason = EXT_DEEP_SLEEP_WAKE;
                boot();
            });
        }
    }

    /** Cuts power: everything in RAM is gone; flash and saved WiFi settings stay. */
    public void powerOff() {
        if (!powered) {
            return;
        }
        powered = false;
        console.flushPartial();
        world.scheduler().cancelAll(this);
        world.tcp().powerOff(this);
        world.udp().powerOff(this);
        station.powerOff();
        if (softAp != null) {
            world.air().stopSoftAp(softAp);
            softAp = null;
        }
        firmware.powerOff();
        wifiListener = null;
        uartSink = null;
        gpioSink = null;
    }

    /** Starts (or restarts, after a configuration change) the SoftAP according to the saved settings. */
    public void startSoftAp() {
        if (softAp != null) {
            world.air().stopSoftAp(softAp);
        }
        if (wifi.apSsid == null) {
            wifi.apSsid = String.format("ESP_%06X", chipId());
        }
        softAp = world.air().startSoftAp(this, wifi);
    }

    public void stopSoftAp() {
        if (softAp != null) {
            world.air().stopSoftAp(softAp);
            softAp = null;
        }
    }

    void apStationJoined(Board st) {
        if (wifiListener != null) {
            wifiListener.apStationConnected(st.staMac(), softAp == null ? 0 : softAp.stations().size());
        }
    }

    void apStationLeft(Board st) {
        if (wifiListener != null) {
            wifiListener.apStationDisconnected(st.staMac(), 0);
        }
    }

    /** Bytes typed into this board's UART0 (from a scenario step or a bridged channel). */
    public void typeIntoUart(byte[] data) {
        if (powered && uartSink != null) {
            uartSink.input(data);
        }
    }

    /** Drives an input pin from outside (a button, a sensor). */
    public void setInput(int pin, int level) {
        if (pin < 0 || pin >= inputLevels.length) {
            throw new IllegalArgumentException("pin " + pin + " does not exist (0-12)");
        }
        int old = inputLevels[pin];
        inputLevels[pin] = level == 0 ? 0 : 1;
        if (old != inputLevels[pin] && powered && gpioSink != null) {
            gpioSink.inputChanged(pin, inputLevels[pin]);
        }
    }

    /** Busy-waits (tmr.delay): the whole simulation's clock moves on, as nothing else can run meanwhile. */
    public void busyWait(long micros) {
        world.scheduler().advance(micros);
    }
}
