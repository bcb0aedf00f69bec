package io.espdesk.sim.engine;

import io.espdesk.nodemcu.lua.LuaErrors;
import io.espdesk.nodemcu.lua.Sandbox;
import io.espdesk.nodemcu.lua.WatchdogReset;
import io.espdesk.nodemcu.lua.WatchdogHook;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * One simulated ESP8266: its flash, UART0, WiFi interfaces and, while powered, one Lua state. Every Lua callback
 * runs through {@link #call}: an error there is a firmware panic and a reboot, a callback that runs too long is a
 * watchdog reset; either way only this board restarts.
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
    private Globals globals;
    private WatchdogHook hook;
    private boolean powered;
    private boolean inInit;
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

    Board(World world, String name, int index, Flash flash) {
        this.world = world;
        this.name = name;
        this.index = index;
        this.flash = flash;
        this.console = new Console(line -> world.emit(this, line), world::keepsLines);
        this.station = new Station(this);
        java.util.Arrays.fill(inputLevels, 1); // inputs float high (pull-ups on the dev boards)
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

    public Globals globals() {
        return globals;
    }

    public WatchdogHook hook() {
        return hook;
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
        console.print("NodeMCU " + (world.profile().legacy() ? "1.5.4.1" : "3.0.0.0") + " (espdesk simulated ESP8266, profile "
                + world.profile().label() + ")\n");
        java.util.Arrays.fill(outputLevels, 0);
        java.util.Arrays.fill(isOutput, false);
        hook = new WatchdogHook(world.watchdogInstructions());
        globals = Sandbox.create(this, hook);
        if ((wifi.mode & WifiSettings.SOFTAP) != 0) {
            startSoftAp();
        }
        if ((wifi.mode & WifiSettings.STATION) != 0 && wifi.staAuto && wifi.staSsid != null) {
            station.connect();
        }
        world.scheduler().after(0, this, this::runInit);
    }

    private void runInit() {
        if (!flash.exists("init.lua")) {
            console.print("lua: cannot open init.lua\n");
            return;
        }
        inInit = true;
        try {
            call(() -> Sandbox.compile(globals, this, "init.lua").call());
        } finally {
            inInit = false;
        }
    }

    /**
     * Runs Lua work as one firmware task. An error inside is a panic (at boot: printed, as the interpreter does
     * for init.lua); a runaway task trips the watchdog. Either restart touches this board only.
     */
    public void call(Runnable work) {
        if (!powered) {
            return;
        }
        hook.startTask();
        try {
            work.run();
        } catch (WatchdogReset w) {
            console.print("\n ets Jan  8 2013,rst cause:4, boot mode:(3,6)\n\nwdt reset\n");
            restart(2, EXT_SOFT_WDT);
        } catch (LuaError e) {
            if (inInit) {
                console.print(LuaErrors.text(e) + "\n");
            } else {
                console.print("PANIC: unprotected error in call to Lua API (" + LuaErrors.text(e) + ")\n");
                restart(2, EXT_EXCEPTION);
            }
        } catch (StackOverflowError e) {
            console.print("PANIC: unprotected error in call to Lua API (stack overflow)\n");
            restart(2, EXT_EXCEPTION);
        } catch (OutOfMemoryError e) {
            console.print("PANIC: unprotected error in call to Lua API (not enough memory)\n");
            restart(2, EXT_EXCEPTION);
        }
    }

    /** Calls a Lua function as one task. */
    public void callLua(LuaValue fn, LuaValue... args) {
        if (fn == null || fn.isnil()) {
            return;
        }
        call(() -> fn.invoke(LuaValue.varargsOf(args)));
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
        globals = null;
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
