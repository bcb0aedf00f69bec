package io.espdesk.lua51.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Build step (process-classes): gives a few of LuaJ's methods a new body that calls ours
 * ({@code io.espdesk.lua51.Lua51Numbers}, {@code org.luaj.vm2.compiler.Lua51Lex}), in the unpacked classes folder. Each new body loads the object's fields the
 * static method needs, calls it and returns its result; the old body is dropped. Run on classes already patched it
 * gives the same result again (and the unpack before it restores LuaJ's bytes on every build).
 */
public final class PatchLuaj {
    private static final String NUMBERS = "io/espdesk/lua51/Lua51Numbers";
    private static final String LEX = "org/luaj/vm2/compiler/Lua51Lex";
    private static final List<String[]> THIS = List.<String[]>of(new String[] {null, null});

    /**
     * One method whose body becomes {@code return host.target(this.field..., args...)}; a field entry {null, null}
     * passes {@code this} itself.
     */
    record Redirect(String owner, String name, String desc, List<String[]> fields, boolean withArgs, String host, String target,
            String targetDesc) {
        Redirect(String owner, String name, String desc, List<String[]> fields, boolean withArgs, String target, String targetDesc) {
            this(owner, name, desc, fields, withArgs, NUMBERS, target, targetDesc);
        }
    }

    private static final List<Redirect> REDIRECTS = List.of(
            // every number shown as text: tostring, print, .., table.concat, string.format's %s
            new Redirect("org/luaj/vm2/LuaDouble", "tojstring", "()Ljava/lang/String;",
                    List.<String[]>of(new String[] {"v", "D"}), false, "toText", "(D)Ljava/lang/String;"),
            // every string read as a number: tonumber, arithmetic on strings, for loops, library arguments
            new Redirect("org/luaj/vm2/LuaString", "scannumber", "()D",
                    List.of(new String[] {"m_bytes", "[B"}, new String[] {"m_offset", "I"}, new String[] {"m_length", "I"}), false,
                    "scan", "([BII)D"),
            new Redirect("org/luaj/vm2/LuaString", "scannumber", "(I)D",
                    List.of(new String[] {"m_bytes", "[B"}, new String[] {"m_offset", "I"}, new String[] {"m_length", "I"}), true,
                    "scan", "([BIII)D"),
            // a string on the left of + - * / % ^: a metamethod gets it as it is ('5' + t)
            new Redirect("org/luaj/vm2/LuaString", "add", "(Lorg/luaj/vm2/LuaValue;)Lorg/luaj/vm2/LuaValue;", THIS, true,
                    "org/luaj/vm2/Lua51Arith", "add", "(Lorg/luaj/vm2/LuaString;Lorg/luaj/vm2/LuaValue;)Lorg/luaj/vm2/LuaValue;"),
            new Redirect("org/luaj/vm2/LuaString", "sub", "(Lorg/luaj/vm2/LuaValue;)Lorg/luaj/vm2/LuaValue;", THIS, true,
                    "org/luaj/vm2/Lua51Arith", "sub", "(Lorg/luaj/vm2/LuaString;Lorg/luaj/vm2/LuaValue;)Lorg/luaj/vm2/LuaValue;"),
            new Redirect("org/luaj/vm2/LuaString", "mul", "(Lorg/luaj/vm2/LuaValue;)Lorg/luaj/vm2/LuaValue;", THIS, true,
                    "org/luaj/vm2/Lua51Arith", "mul", "(Lorg/luaj/vm2/LuaString;Lorg/luaj/vm2/LuaValue;)Lorg/luaj/vm2/LuaValue;"),
            new Redirect("org/luaj/vm2/LuaString", "pow", "(Lorg/luaj/vm2/LuaValue;)Lorg/luaj/vm2/LuaValue;", THIS, true,
                    "org/luaj/vm2/Lua51Arith", "pow", "(Lorg/luaj/vm2/LuaString;Lorg/luaj/vm2/LuaValue;)Lorg/luaj/vm2/LuaValue;"),
            new Redirect("org/luaj/vm2/LuaString", "div", "(Lorg/luaj/vm2/LuaValue;)Lorg/luaj/vm2/LuaValue;", THIS, true,
                    "org/luaj/vm2/Lua51Arith", "div", "(Lorg/luaj/vm2/LuaString;Lorg/luaj/vm2/LuaValue;)Lorg/luaj/vm2/LuaValue;"),
            new Redirect("org/luaj/vm2/LuaString", "mod", "(Lorg/luaj/vm2/LuaValue;)Lorg/luaj/vm2/LuaValue;", THIS, true,
                    "org/luaj/vm2/Lua51Arith", "mod", "(Lorg/luaj/vm2/LuaString;Lorg/luaj/vm2/LuaValue;)Lorg/luaj/vm2/LuaValue;"),
            // < and <= through metamethods: the same handler on both sides, as 5.1 asks
            new Redirect("org/luaj/vm2/LuaValue", "comparemt", "(Lorg/luaj/vm2/LuaValue;Lorg/luaj/vm2/LuaValue;)Lorg/luaj/vm2/LuaValue;", THIS, true,
                    "org/luaj/vm2/Lua51Arith", "comparemt", "(Lorg/luaj/vm2/LuaValue;Lorg/luaj/vm2/LuaValue;Lorg/luaj/vm2/LuaValue;)Lorg/luaj/vm2/LuaValue;"),
            // chunk names in messages: 5.1's [string "first line..."]
            new Redirect("org/luaj/vm2/Lua", "chunkid", "(Ljava/lang/String;)Ljava/lang/String;", List.of(), true,
                    "io/espdesk/lua51/ChunkNames", "chunkid", "(Ljava/lang/String;)Ljava/lang/String;"),
            // syntax errors: 5.1's "near '<eof>'" (the REPL's cue for a continuation line)
            new Redirect("org/luaj/vm2/compiler/LexState", "lexerror", "(Ljava/lang/String;I)V", THIS, true, LEX,
                    "lexerror", "(Lorg/luaj/vm2/compiler/LexState;Ljava/lang/String;I)V"));

    private PatchLuaj() {
    }

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        for (Redirect r : REDIRECTS) {
            Path file = classes.resolve(r.owner + ".class");
            byte[] patched = patch(Files.readAllBytes(file), r);
            Files.write(file, patched);
        }
        Path tail = classes.resolve("org/luaj/vm2/TailcallVarargs.class");
        Files.write(tail, eagerJavaTailCalls(Files.readAllBytes(tail)));
        Path lex = classes.resolve("org/luaj/vm2/compiler/LexState.class");
        Files.write(lex, wrapStatements(Files.readAllBytes(lex)));
        System.out.println("[espdesk-luaj51] LuaJ patched for Lua 5.1: " + REDIRECTS.size() + " methods redirected, statements wrapped, Java tail calls made eager");
    }

    /**
     * 5.1's statement grammar over LuaJ's parser: {@code statement()} and {@code statlist()} keep their bodies under a
     * new name and are wrapped with calls to Lua51Lex, which refuses what 5.1 refuses (an empty statement, a statement
     * after break). The token is read from LexState's {@code t.token}, which Java source outside LuaJ cannot name, and
     * each parse keeps its grammar state in a field added here (no state outside the parse).
     */
    static byte[] wrapStatements(byte[] original) {
        String owner = "org/luaj/vm2/compiler/LexState";
        String state = "lua51$grammar";
        if (new String(original, java.nio.charset.StandardCharsets.ISO_8859_1).contains("statement$luaj")) {
            return original; // wrapped already (the unpack did not run)
        }
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                if (desc.equals("()V") && (name.equals("statement") || name.equals("statlist")) || name.equals("funcargs")) {
                    return super.visitMethod(access, name + "$luaj", desc, signature, exceptions);
                }
                MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
                if (!name.equals("<init>")) {
                    return mv;
                }
                // every constructor also makes the parse's 5.1 grammar state: new boolean[2]
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.RETURN) {
                            super.visitVarInsn(Opcodes.ALOAD, 0);
                            super.visitInsn(Opcodes.ICONST_2);
                            super.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_BOOLEAN);
                            super.visitFieldInsn(Opcodes.PUTFIELD, owner, state, "[Z");
                        }
                        super.visitInsn(opcode);
                    }
                };
            }

            @Override
            public void visitEnd() {
                super.visitField(Opcodes.ACC_FINAL, state, "[Z", null, null).visitEnd();
                MethodVisitor mv = super.visitMethod(0, "statement", "()V", null, null);
                mv.visitCode();
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitFieldInsn(Opcodes.GETFIELD, owner, state, "[Z");
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitFieldInsn(Opcodes.GETFIELD, owner, "t", "L" + owner + "$Token;");
                mv.visitFieldInsn(Opcodes.GETFIELD, owner + "$Token", "token", "I");
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, LEX, "beforeStatement", "([ZL" + owner + ";I)I", false);
                mv.visitVarInsn(Opcodes.ISTORE, 1);
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "statement$luaj", "()V", false);
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitFieldInsn(Opcodes.GETFIELD, owner, state, "[Z");
                mv.visitVarInsn(Opcodes.ILOAD, 1);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, LEX, "afterStatement", "([ZI)V", false);
                mv.visitInsn(Opcodes.RETURN);
                mv.visitMaxs(0, 0);
                mv.visitEnd();
                String fa = "(L" + owner + "$expdesc;I)V";
                MethodVisitor call = super.visitMethod(0, "funcargs", fa, null, null);
                call.visitCode();
                call.visitVarInsn(Opcodes.ALOAD, 0);
                call.visitVarInsn(Opcodes.ALOAD, 0);
                call.visitFieldInsn(Opcodes.GETFIELD, owner, "t", "L" + owner + "$Token;");
                call.visitFieldInsn(Opcodes.GETFIELD, owner + "$Token", "token", "I");
                call.visitMethodInsn(Opcodes.INVOKESTATIC, LEX, "beforeCallArguments", "(L" + owner + ";I)V", false);
                call.visitVarInsn(Opcodes.ALOAD, 0);
                call.visitVarInsn(Opcodes.ALOAD, 1);
                call.visitVarInsn(Opcodes.ILOAD, 2);
                call.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "funcargs$luaj", fa, false);
                call.visitInsn(Opcodes.RETURN);
                call.visitMaxs(0, 0);
                call.visitEnd();
                MethodVisitor sl = super.visitMethod(0, "statlist", "()V", null, null);
                sl.visitCode();
                sl.visitVarInsn(Opcodes.ALOAD, 0);
                sl.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "statlist$luaj", "()V", false);
                sl.visitVarInsn(Opcodes.ALOAD, 0);
                sl.visitFieldInsn(Opcodes.GETFIELD, owner, state, "[Z");
                sl.visitMethodInsn(Opcodes.INVOKESTATIC, LEX, "blockEnded", "([Z)V", false);
                sl.visitInsn(Opcodes.RETURN);
                sl.visitMaxs(0, 0);
                sl.visitEnd();
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }

    /**
     * {@code new TailcallVarargs(f, args)} ends by setting its result to {@code TailCalls.eager(f, args)}: a Java
     * function is called there and then, inside the returning function's frame (its eval() then returns the result).
     * LuaJ's class files are version 47, so the added code needs no stack map frames.
     */
    static byte[] eagerJavaTailCalls(byte[] original) {
        String owner = "org/luaj/vm2/TailcallVarargs";
        String ctor = "(Lorg/luaj/vm2/LuaValue;Lorg/luaj/vm2/Varargs;)V";
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
                if (!name.equals("<init>") || !desc.equals(ctor)) {
                    return mv;
                }
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.RETURN) {
                            super.visitVarInsn(Opcodes.ALOAD, 0);
                            super.visitVarInsn(Opcodes.ALOAD, 1);
                            super.visitVarInsn(Opcodes.ALOAD, 2);
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, "io/espdesk/lua51/TailCalls", "eager",
                                    "(Lorg/luaj/vm2/LuaValue;Lorg/luaj/vm2/Varargs;)Lorg/luaj/vm2/Varargs;", false);
                            super.visitFieldInsn(Opcodes.PUTFIELD, owner, "result", "Lorg/luaj/vm2/Varargs;");
                        }
                        super.visitInsn(opcode);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    static byte[] patch(byte[] original, Redirect r) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS); // the new bodies have no branches: no frames to compute
        boolean[] found = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                if (!name.equals(r.name) || !desc.equals(r.desc)) {
                    return super.visitMethod(access, name, desc, signature, exceptions);
                }
                found[0] = true;
                MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
                mv.visitCode();
                for (String[] f : r.fields) {
                    mv.visitVarInsn(Opcodes.ALOAD, 0);
                    if (f[0] != null) {
                        mv.visitFieldInsn(Opcodes.GETFIELD, r.owner, f[0], f[1]);
                    }
                }
                if (r.withArgs) {
                    int slot = (access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
                    for (Type t : Type.getArgumentTypes(desc)) {
                        mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
                        slot += t.getSize();
                    }
                }
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, r.host, r.target, r.targetDesc, false);
                mv.visitInsn(Type.getReturnType(desc).getOpcode(Opcodes.IRETURN));
                mv.visitMaxs(0, 0);
                mv.visitEnd();
                return null; // the old body is not copied
            }
        }, 0);
        if (!found[0]) {
            throw new IllegalStateException("LuaJ has no " + r.owner + "." + r.name + r.desc + ": a different LuaJ version?");
        }
        return writer.toByteArray();
    }
}
