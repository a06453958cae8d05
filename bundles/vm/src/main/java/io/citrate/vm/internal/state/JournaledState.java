package io.citrate.vm.internal.state;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.vm.api.Log;
import io.citrate.vm.internal.evm.Code;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one transaction changes, over a committed {@link WorldState}: accounts, storage, code, transient
 * storage (EIP-1153), the accessed addresses and slots (EIP-2929), the refund counter, logs, the accounts created
 * in this transaction (EIP-6780) and those touched (EIP-161).
 *
 * <p>Every change is recorded in a journal of undo actions. A frame takes a {@link #checkpoint} when it starts and
 * {@link #revertTo} it when it reverts or halts; a frame that succeeds simply leaves its changes in place for its
 * parent. {@link #commitTo} writes the outcome back once the transaction is done.
 */
public final class JournaledState {
  private final WorldState world;
  private final Map<Address, AccountEntry> accounts = new LinkedHashMap<>();
  private final List<Runnable> journal = new ArrayList<>();
  private final Set<Address> warmAddresses = new HashSet<>();
  private final Set<SlotKey> warmSlots = new HashSet<>();
  private final Map<SlotKey, Word> transientStorage = new HashMap<>();
  /** Touch counts, so a touch undone by a revert no longer counts (EIP-161 deletes touched empty accounts). */
  private final Map<Address, Integer> touched = new LinkedHashMap<>();
  private final Set<Address> createdThisTransaction = new HashSet<>();
  private final Set<Address> selfDestructed = new LinkedHashSet<>();
  private final List<Log> logs = new ArrayList<>();
  private long refund;
  /** Accounts and slots accessed since {@link #recordAccesses()}, kept through reverts; null when not recording. */
  private Map<Address, Set<Word>> accessed;

  public JournaledState(WorldState world) {
    this.world = world;
  }

  private record SlotKey(Address address, Word key) {}

  /** One account as this transaction sees it, loaded once from the world state. */
  private final class AccountEntry {
    final Address address;
    final Hash codeHashInWorld;
    boolean exists;
    long nonce;
    Wei balance;
    /** Loaded on first use; most accounts a transaction touches never run. */
    Code code;
    /** Whether the storage root in the world state is non-empty. */
    boolean committedStorage;
    final Map<Word, Word> storage = new HashMap<>();
    final Map<Word, Word> originalStorage = new HashMap<>();
    /** Slots written in this transaction, in first-write order, for {@link #commitTo}. */
    final Set<Word> writtenSlots = new LinkedHashSet<>();
    boolean codeChanged;

    AccountEntry(Address address) {
      this.address = address;
      var account = world.account(address);
      exists = account.isPresent();
      nonce = account.map(Account::nonce).orElse(0L);
      balance = account.map(Account::balance).orElse(Wei.ZERO);
      codeHashInWorld = account.map(Account::codeHash).orElse(Hash.EMPTY);
      committedStorage = account.map(a -> !a.storageRoot().equals(Hash.EMPTY_TRIE_ROOT)).orElse(false);
    }

    Code code() {
      if (code == null) {
        code = Code.of(world.code(codeHashInWorld));
      }
      return code;
    }

    boolean isEmpty() {
      return nonce == 0 && balance.isZero() && (code != null ? code.size() == 0 : codeHashInWorld.equals(Hash.EMPTY));
    }

    Word original(Word key) {
      Word value = originalStorage.get(key);
      if (value == null) {
        value = committedStorage ? world.storage(address, key) : Word.ZERO;
        originalStorage.put(key, value);
      }
      return value;
    }
  }

  private AccountEntry entry(Address address) {
    AccountEntry entry = accounts.get(address);
    if (entry == null) {
      entry = new AccountEntry(address);
      accounts.put(address, entry);
    }
    return entry;
  }

  /** Makes the account exist if it does not, journaled; returns it. */
  private AccountEntry existing(Address address) {
    AccountEntry entry = entry(address);
    if (!entry.exists) {
      entry.exists = true;
      journal.add(() -> entry.exists = false);
    }
    return entry;
  }

  // ---- accounts

  public boolean exists(Address address) {
    return entry(address).exists;
  }

  /** Absent, or present with no nonce, balance or code: EIP-161's "dead". */
  public boolean isDead(Address address) {
    AccountEntry entry = entry(address);
    return !entry.exists || entry.isEmpty();
  }

  public long nonce(Address address) {
    return entry(address).nonce;
  }

  public void setNonce(Address address, long nonce) {
    AccountEntry entry = existing(address);
    long previous = entry.nonce;
    entry.nonce = nonce;
    journal.add(() -> entry.nonce = previous);
    touch(address);
  }

  public Wei balance(Address address) {
    return entry(address).balance;
  }

  public void setBalance(Address address, Wei balance) {
    AccountEntry entry = existing(address);
    Wei previous = entry.balance;
    entry.balance = balance;
    journal.add(() -> entry.balance = previous);
    touch(address);
  }

  public void addBalance(Address address, Wei amount) {
    setBalance(address, balance(address).add(amount));
  }

  public void subtractBalance(Address address, Wei amount) {
    setBalance(address, balance(address).subtract(amount));
  }

  /** Moves {@code amount} between accounts, touching both; the caller has checked the balance. */
  public void transfer(Address from, Address to, Wei amount) {
    subtractBalance(from, amount);
    addBalance(to, amount);
  }

  public Code code(Address address) {
    AccountEntry entry = entry(address);
    return entry.exists ? entry.code() : Code.EMPTY;
  }

  /** Keccak-256 of the account's code: {@link Hash#EMPTY} for no code. */
  public Hash codeHash(Address address) {
    AccountEntry entry = entry(address);
    return entry.code != null ? entry.code.hash() : entry.codeHashInWorld;
  }

  public void setCode(Address address, byte[] code) {
    AccountEntry entry = existing(address);
    Code previous = entry.code();
    boolean previousChanged = entry.codeChanged;
    entry.code = Code.of(code);
    entry.codeChanged = true;
    journal.add(() -> {
      entry.code = previous;
      entry.codeChanged = previousChanged;
    });
  }

  /** Whether the account holds any non-zero storage slot; a creation at its address collides (EIP-7610). */
  public boolean hasStorage(Address address) {
    AccountEntry entry = entry(address);
    if (entry.committedStorage) {
      return true;
    }
    for (Word value : entry.storage.values()) {
      if (!value.isZero()) {
        return true;
      }
    }
    return false;
  }

  /** Marks an account touched (EIP-161) without changing it, as a zero-value transfer does. */
  public void touch(Address address) {
    existing(address);
    touched.merge(address, 1, Integer::sum);
    journal.add(() -> {
      int count = touched.get(address);
      if (count == 1) {
        touched.remove(address);
      } else {
        touched.put(address, count - 1);
      }
    });
  }

  /** Records a contract created in this transaction, whose SELFDESTRUCT still deletes it (EIP-6780). */
  public void markCreated(Address address) {
    if (createdThisTransaction.add(address)) {
      journal.add(() -> createdThisTransaction.remove(address));
    }
  }

  public boolean isCreatedThisTransaction(Address address) {
    return createdThisTransaction.contains(address);
  }

  /** Whether SELFDESTRUCT has scheduled the account for deletion in this transaction. */
  public boolean hasSelfDestructed(Address address) {
    return selfDestructed.contains(address);
  }

  /** Schedules the account for deletion at the end of the transaction and zeroes its balance. */
  public void selfDestruct(Address address) {
    setBalance(address, Wei.ZERO);
    if (selfDestructed.add(address)) {
      journal.add(() -> selfDestructed.remove(address));
    }
  }

  // ---- storage

  public Word storage(Address address, Word key) {
    AccountEntry entry = entry(address);
    Word value = entry.storage.get(key);
    return value != null ? value : entry.original(key);
  }

  /** The value the slot had when the transaction started, as SSTORE's gas rules need (EIP-2200). */
  public Word originalStorage(Address address, Word key) {
    return entry(address).original(key);
  }

  public void setStorage(Address address, Word key, Word value) {
    AccountEntry entry = existing(address);
    Word previous = entry.storage.put(key, value);
    boolean firstWrite = entry.writtenSlots.add(key);
    journal.add(() -> {
      if (previous == null) {
        entry.storage.remove(key);
      } else {
        entry.storage.put(key, previous);
      }
      if (firstWrite) {
        entry.writtenSlots.remove(key);
      }
    });
  }

  public Word transientStorage(Address address, Word key) {
    return transientStorage.getOrDefault(new SlotKey(address, key), Word.ZERO);
  }

  public void setTransientStorage(Address address, Word key, Word value) {
    SlotKey slot = new SlotKey(address, key);
    Word previous = value.isZero() ? transientStorage.remove(slot) : transientStorage.put(slot, value);
    journal.add(() -> {
      if (previous == null) {
        transientStorage.remove(slot);
      } else {
        transientStorage.put(slot, previous);
      }
    });
  }

  // ---- access lists (EIP-2929)

  public boolean isWarm(Address address) {
    return warmAddresses.contains(address);
  }

  /** Marks the address accessed; returns whether it already was. */
  public boolean warmUp(Address address) {
    if (accessed != null) {
      accessed.computeIfAbsent(address, a -> new LinkedHashSet<>());
    }
    return warm(address);
  }

  /**
   * Marks a contract's new address accessed, as CREATE and CREATE2 do, without recording it as an access: the
   * code did not ask for that address, so an access list would not name it for this.
   */
  public boolean warmUpCreated(Address address) {
    return warm(address);
  }

  private boolean warm(Address address) {
    if (warmAddresses.add(address)) {
      journal.add(() -> warmAddresses.remove(address));
      return false;
    }
    return true;
  }

  /** Marks the slot accessed; returns whether it already was. */
  public boolean warmUp(Address address, Word key) {
    if (accessed != null) {
      accessed.computeIfAbsent(address, a -> new LinkedHashSet<>()).add(key);
    }
    SlotKey slot = new SlotKey(address, key);
    if (warmSlots.add(slot)) {
      journal.add(() -> warmSlots.remove(slot));
      return false;
    }
    return true;
  }

  /**
   * From now on remembers every account and slot accessed, even in frames that revert later, as an access list
   * is built from (geth's access list tracer). Transactions do not record; a call that builds an access list
   * starts recording once its own accounts are warm.
   */
  public void recordAccesses() {
    accessed = new LinkedHashMap<>();
  }

  /** What was accessed since {@link #recordAccesses()}, by account in first-access order; empty if not recording. */
  public Map<Address, Set<Word>> accessed() {
    return accessed == null ? Map.of() : Collections.unmodifiableMap(accessed);
  }

  // ---- refunds and logs

  public long refund() {
    return refund;
  }

  public void addRefund(long amount) {
    long previous = refund;
    refund += amount;
    journal.add(() -> refund = previous);
  }

  public void addLog(Log log) {
    logs.add(log);
    journal.add(() -> logs.remove(logs.size() - 1));
  }

  public List<Log> logs() {
    return List.copyOf(logs);
  }

  /** The log added last, for a tracer that reports each as it comes; null when there is none. */
  public Log lastLog() {
    return logs.isEmpty() ? null : logs.get(logs.size() - 1);
  }

  // ---- checkpoints

  public int checkpoint() {
    return journal.size();
  }

  /** Undoes every change made since {@code checkpoint}, newest first. */
  public void revertTo(int checkpoint) {
    for (int i = journal.size() - 1; i >= checkpoint; i--) {
      journal.remove(i).run();
    }
  }

  /**
   * Writes the transaction's outcome to the world state: self-destructed accounts and touched empty ones are
   * deleted (EIP-6780, EIP-161), every other changed account is written with its storage changes.
   */
  public void commitTo(WorldState target) {
    for (AccountEntry entry : accounts.values()) {
      Address address = entry.address;
      if (selfDestructed.contains(address) || (touched.containsKey(address) && entry.isEmpty())) {
        target.deleteAccount(address);
        continue;
      }
      if (!entry.exists || !isChanged(entry)) {
        continue;
      }
      Map<Word, Word> changes = new LinkedHashMap<>();
      for (Word key : entry.writtenSlots) {
        Word value = entry.storage.get(key);
        if (!value.equals(entry.original(key))) {
          changes.put(key, value);
        }
      }
      target.updateAccount(address, entry.nonce, entry.balance, entry.codeChanged ? entry.code.bytes() : null, changes);
    }
  }

  private boolean isChanged(AccountEntry entry) {
    return touched.containsKey(entry.address) || entry.codeChanged || !entry.writtenSlots.isEmpty();
  }
}
