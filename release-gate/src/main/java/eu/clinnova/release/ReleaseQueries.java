package eu.clinnova.release;

import eu.clinnova.consent.application.Refusal;
import eu.clinnova.kernel.Caller;
import eu.clinnova.kernel.Role;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reading the gate's decisions, each caller their share: compliance officers all; a committee
 * member or a node those of their jurisdiction's datasets; a researcher those they received. Only
 * compliance officers and the node that asked see which pseudonyms were denied.
 */
@ApplicationScoped
public class ReleaseQueries {

  public static final int MAX_DENIALS_SHOWN = 1000;

  /** One release and, for those who may see them, its denied subjects. */
  public record Detail(Release release, Optional<List<Release.Denial>> denials) {}

  @Resource(lookup = "java:jboss/datasources/ClinnovaDS")
  private DataSource dataSource;

  private final ReleaseStore releases = new ReleaseStore();

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Release> search(Caller caller, ReleaseStore.Search asked) {
    ReleaseStore.Search search = visibleTo(caller, asked);
    try (Connection connection = dataSource.getConnection()) {
      return releases.search(connection, search);
    } catch (SQLException e) {
      throw new IllegalStateException("the releases could not be read", e);
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Detail find(Caller caller, UUID id) {
    try (Connection connection = dataSource.getConnection()) {
      Release release =
          releases
              .find(connection, id)
              .filter(found -> sees(caller, found))
              .orElseThrow(() -> Refusal.notFound("No such release."));
      boolean seesSubjects =
          caller.has(Role.COMPLIANCE_OFFICER)
              || (caller.has(Role.NODE) && caller.actsFor(release.jurisdiction()));
      return new Detail(
          release,
          seesSubjects
              ? Optional.of(releases.denials(connection, id, MAX_DENIALS_SHOWN))
              : Optional.empty());
    } catch (SQLException e) {
      throw new IllegalStateException("the release could not be read", e);
    }
  }

  /**
   * Who received the release (an account id), for the sender's directory: a withdrawal notice about
   * an earlier release goes to its recipient. Not a caller's read: no data is shown.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> recipientOf(UUID releaseId) {
    try (Connection connection = dataSource.getConnection()) {
      return releases.find(connection, releaseId).map(Release::recipient);
    } catch (SQLException e) {
      throw new IllegalStateException("the release could not be read", e);
    }
  }

  static boolean sees(Caller caller, Release release) {
    if (caller.has(Role.COMPLIANCE_OFFICER)) {
      return true;
    }
    if ((caller.has(Role.DAC_MEMBER) || caller.has(Role.NODE))
        && caller.actsFor(release.jurisdiction())) {
      return true;
    }
    return caller.has(Role.RESEARCHER) && release.recipient().equals(caller.subject());
  }

  /** The search narrowed to what the caller may see, or refused if they may see none. */
  static ReleaseStore.Search visibleTo(Caller caller, ReleaseStore.Search asked) {
    if (caller.has(Role.COMPLIANCE_OFFICER)) {
      return asked;
    }
    if ((caller.has(Role.DAC_MEMBER) || caller.has(Role.NODE))
        && !caller.jurisdictionCodes().isEmpty()) {
      return asked.within(new ArrayList<>(caller.jurisdictionCodes()));
    }
    if (caller.has(Role.RESEARCHER)) {
      return asked.receivedBy(caller.subject());
    }
    throw Refusal.forbidden("Releases are shown to compliance, committees, nodes and recipients.");
  }
}
